"""MotCua core: storage (peewee tables) and the services that own the counter's rules."""
