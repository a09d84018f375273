"""Everything Textual: the app, its screens, widgets and styles. Rules live in planner.domain."""
