"""Receipt rendering benchmark: median time over 200 renders and PDF size.

Targets: under 30 ms per receipt (two copies) and under 150 KB.
Each render uses a new dossier code, so no QR encoding is reused from an
earlier render. Run from the repository root:

    python bench/bench_receipt.py [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from printing import DocumentLine, FormSettings, Person, ReceiptData, render_receipt  # noqa: E402

TARGET_MS = 30.0
TARGET_KB = 150.0

SETTINGS = FormSettings(
    governing_body="UBND XÃ TAM ĐẢO",
    unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    place="Tam Đảo",
    agency_code="H12.22.01",
    lookup_url="https://dichvucong.example.gov.vn/tra-cuu?ma={code}",
)


def receipt(n: int) -> ReceiptData:
    """A typical receipt: five documents, one applicant, a lookup QR code."""
    return ReceiptData(
        code=f"000.00.24.H12-260213-{n:04d}",
        receiving_unit="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        applicant=Person(
            "Nguyễn Thị Hằng",
            "026185001234",
            "Thôn Đồng Bùa, xã Tam Đảo, tỉnh Phú Thọ",
            "0912345678",
            "hang@example.vn",
        ),
        authorised_person=None,
        procedure_name="Đăng ký khai sinh kết hợp đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        documents=[
            DocumentLine(f"Giấy tờ số {i}: bản khai theo mẫu quy định", 1, i % 3) for i in range(1, 6)
        ],
        sets=1,
        time_limit_text="05 ngày làm việc",
        received_at=datetime(2026, 2, 13, 9, 30),
        due_at=datetime(2026, 2, 24, 9, 30),
        result_delivery="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        register_volume="01",
        register_number=str(n),
        officer_name="Lê Văn Tâm",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    render_receipt(receipt(0), SETTINGS)  # fonts parsed and registered once
    times: list[float] = []
    cpu: list[float] = []
    size = 0
    for n in range(1, args.runs + 1):
        data = receipt(n)
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render_receipt(data, SETTINGS)
        cpu.append((time.process_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
        size = len(pdf)
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    try:
        import reportlab.lib.rl_accel as accel

        accelerated = "yes" if type(accel.fp_str).__name__ == "builtin_function_or_method" else "no"
    except ImportError:  # pragma: no cover
        accelerated = "no"
    print(
        f"receipt render: median {median:.1f} ms, p90 {p90:.1f} ms over {args.runs} runs (target < {TARGET_MS:.0f} ms)"
    )
    # CPU time is what the code costs; wall time also counts other processes.
    print(f"receipt render CPU time: median {statistics.median(cpu):.1f} ms")
    print(
        f"receipt PDF size: {size / 1024:.1f} KB, {SETTINGS.receipt_copies} copies (target < {TARGET_KB:.0f} KB)"
    )
    print(f"reportlab C accelerators (rl_accel): {accelerated}")


if __name__ == "__main__":
    main()
