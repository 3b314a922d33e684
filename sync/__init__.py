"""Day files (tệp đồng bộ theo ngày): export, verify, acknowledge, and the provincial importer.

A commune with no reliable network carries each day's work to the provincial system as one
signed (and, when the province's key is configured, encrypted) zip file; docs/sync-format.md
describes the format. Services for the GUI: ``sync.export`` (export_day, export_if_due),
``sync.history`` (pending_days, export_history), ``sync.ack`` (import_ack), ``sync.keys``.
The province side: ``sync.verify`` and ``sync.apply`` over ``sync.central``'s own database.

The way back (docs/sync-format.md §10): the province makes a package for a commune
(``sync.package_make``), the counter checks and applies it (``sync.package_verify``,
``sync.package_apply``) and acknowledges it beside its next day file (``sync.package_ack``).
``sync.witness`` reads the counter's own day files for a restore (models.restore). sync/ reads
and writes the counter's database only through the services in models/.
"""
