"""驾驶舱: the plan on one screen for signed-in users, the indicator page and the county view.

Views load, call the pure core (``planwatch.evaluation``, ``planwatch.reports.charts``) and render.
The indicator page's content is built by ``pages.indicator_page`` and shared with the public portal,
which passes ``public=True`` so that only published figures are read.
"""
