"""`planner serve`: the app in the browser for a team on one server, behind a sign-in."""
