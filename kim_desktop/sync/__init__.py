"""The sync client: outbox, push, pull and payload encryption. Never imports Qt."""
