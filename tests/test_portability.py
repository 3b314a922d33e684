"""Counter PCs run Windows: nothing POSIX-only in the app's code unless guarded by a platform
check, and no machine paths. Each forbidden call is looked for in the code (not comments)."""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("main.py", "models", "ui", "printing", "cli", "sync", "resources")

# What does not exist (or means something else) on Windows.
POSIX_ONLY = [
    r"\bos\.(fork|forkpty|getuid|geteuid|getgid|getegid|setuid|setgid|setsid|getpgid|killpg|"
    r"chown|lchown|mkfifo|mknod|sync|getloadavg|uname|nice|wait3|wait4|statvfs|pathconf)\s*\(",
    r"\bimport\s+(fcntl|pwd|grp|termios|tty|pty|resource|syslog|posix|crypt)\b",
    r"\bfrom\s+(fcntl|pwd|grp|termios|tty|pty|resource|syslog|posix|crypt)\s+import\b",
    r"\bsignal\.(SIGKILL|SIGHUP|SIGUSR1|SIGUSR2|SIGALRM|SIGCHLD|SIGPIPE|SIGQUIT|alarm|setitimer|pause)\b",
    r"\bos\.WNOHANG\b", r"\bos\.O_(NOFOLLOW|NONBLOCK|SYNC|DSYNC|NOCTTY)\b",
    r"""["'](/tmp|/var|/etc|/home|/usr|/opt|/dev/null|/proc)(/|["'])""",
    r"""["']~/""",
    r"\bshell=True\b",
]
# A line may use one of them when its module checks the platform and the line says why with a
# "# posix-only: …" comment.
GUARDS = re.compile(r"sys\.platform|os\.name|platform\.system|hasattr\(os,")


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """Source lines with comments and docstrings blanked out."""
    source = path.read_text(encoding="utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            docstrings.update(range(body[0].lineno, body[0].end_lineno + 1))
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    return [(n, line) for n, line in enumerate(lines, 1) if n not in docstrings]


def _sources() -> list[Path]:
    found = []
    for name in PACKAGES:
        path = ROOT / name
        found += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return found


def test_no_posix_only_call_outside_a_platform_check():
    offences = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        raw = text.splitlines()
        guarded = bool(GUARDS.search(text))
        for number, line in _code_lines(path):
            marked = guarded and "# posix-only:" in raw[number - 1]
            for pattern in POSIX_ONLY:
                if re.search(pattern, line) and not marked:
                    offences.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offences == []


def test_the_patterns_catch_what_they_are_for(tmp_path):
    """The check itself can fail: each pattern matches a sample of what it forbids."""
    samples = ["os.fork()", "import fcntl", "from pwd import getpwnam", "os.kill(pid, signal.SIGKILL)",
               "open('/tmp/x.lock')", "Path('~/motcua')", "uid = os.getuid()", "subprocess.run(c, shell=True)",
               "os.statvfs(path)"]
    for sample in samples:
        assert any(re.search(p, sample) for p in POSIX_ONLY), sample
    for fine in ["os.getpid()", "signal.SIGTERM", "Path(tempfile.gettempdir())", "import platformdirs"]:
        assert not any(re.search(p, fine) for p in POSIX_ONLY), fine
