"""The command line (python main.py [--db PATH] [--officer USER] [--json] COMMAND)."""
