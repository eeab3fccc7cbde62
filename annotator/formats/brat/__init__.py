"""brat standoff: .txt + .ann pairs read (``reader``) and written (``export``) with the
annotation.conf that names our labels (``conf``, ``names``) and events (``events``)."""
