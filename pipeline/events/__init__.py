"""Event records: which event a report is about (``naming``), its days (``dates``), city and
venue (``places``), organisers (``organisers``) and totals (``totals``), put together by
``build``. Read by the ``german_events`` component (``pipeline/extractors/events.py``)."""
