"""The only code that touches Pillow and the subtitle files in assets/."""
