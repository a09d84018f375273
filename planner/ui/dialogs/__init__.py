"""Modal dialogs: forms and choices that return what was typed or picked."""
