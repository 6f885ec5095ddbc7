"""The side panels. Each follows only the parts of the document it shows, does nothing
while hidden (it refreshes when shown again) and stops listening when closed."""
