"""Tasks and key projects, pure: the rules of 任务分工, 项目台账, progress periods and supervision lights.

No Django here. The web app (``planwatch.web.work``) stores tasks, projects and progress reports and
calls these functions with plain data:

- ``settings``: every threshold (yellow window, report deadline, reminder days, investment margin,
  evidence limits) with its default and a line of documentation.
- ``periods``: quarterly reporting periods and their deadlines.
- ``lights``: the green / yellow / red rule of 督查督办.
- ``plan_items``: which plan tasks are work (not 发展基础 / 总体要求) and the named projects of a 专栏 item.
- ``evidence``: is an uploaded file what its name claims (PDF, PNG, JPEG), by its first bytes.
- ``sheets``: the 任务分工 and 项目台账 workbooks, written and read back with problems named by row and column.
- ``links``: indicators a task probably moves, proposed from shared words and the pillar.
"""
