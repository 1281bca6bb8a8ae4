"""Baustein I on the server: the coordinators group released gaps of any offices into topics,
assign topics to project groups and record the groups' measures; a topic's state follows from
its measures (docs/reporting.md §8). Only coordinators manage them (the dashboard's routes take
:data:`~sync_server.dashboard.security.Coordinator`), every change is in ``steering_history``,
and nothing is ever deleted for good."""
