"""How often the background jobs run, in milliseconds (a module of its own, so that the main
window names them without importing the jobs, and their libraries, before its first paint)."""

FIVE_MINUTES = 5 * 60 * 1000  # the day's export, the sync and package banners' checks
ONE_HOUR = 60 * 60 * 1000  # the automatic backup's check
