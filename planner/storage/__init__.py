"""The only code that touches TinyDB and the files in calendars/ and assets/library.json."""
