"""Who may see and act on bulletin proposals: reviewers and planners see them (others get 404, since the
drafts are not theirs to know about); only reviewers accept, edit or reject (four-eyes: never proposals
they submitted themselves); planners add synonyms."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from planwatch.web.bulletins.models import Bulletin, Proposal
from planwatch.web.monitoring.permissions import may
from planwatch.web.places.models import Role
from planwatch.web.places.permissions import role_of, visible_or_404

SEES = {Role.REVIEWER, Role.PLANNER, Role.ADMINISTRATOR}
DECIDES = {Role.REVIEWER, Role.ADMINISTRATOR}
EDITS_SYNONYMS = {Role.PLANNER, Role.ADMINISTRATOR}


def bulletins_for_user(user) -> QuerySet[Bulletin]:
    if role_of(user) not in SEES:
        return Bulletin.objects.none()
    return Bulletin.objects.select_related("region")


def get_bulletin_for_user(user, pk: int) -> Bulletin:
    return visible_or_404(bulletins_for_user(user), pk, _("没有这份公报"))


def get_proposal_for_user(user, pk: int) -> Proposal:
    proposals = Proposal.objects.select_related("bulletin", "indicator", "observation").filter(
        bulletin__in=bulletins_for_user(user)
    )
    return visible_or_404(proposals, pk, _("没有这条建议"))


def require_decider(user, proposal: Proposal | None = None) -> None:
    if role_of(user) not in DECIDES:
        raise PermissionDenied(_("只有审核人员可以采用或驳回公报数据"))
    obs = proposal.observation if proposal else None
    if obs is not None and user.pk in (obs.created_by_id, obs.submitted_by_id):
        raise PermissionDenied(_("只能审核他人提交的公报数据(不能审核本人提交的)"))


def require_synonym_editor(user) -> None:
    if role_of(user) not in EDITS_SYNONYMS:
        raise PermissionDenied(_("只有规划管理人员可以补充同义词"))


def may_edit_synonyms(user) -> bool:
    """``require_synonym_editor`` as a question: the form only for those whose adding it would take."""
    return role_of(user) in EDITS_SYNONYMS


def may_decide(user, proposal: Proposal) -> bool:
    """``require_decider`` as a question, for the page: buttons only for those who may press them."""
    try:
        require_decider(user, proposal)
    except PermissionDenied:
        return False
    return True


def may_read_in(user) -> bool:
    """读取公报 as a question, for the list: the upload page's own checks (it sees bulletins, and it enters
    data for a unit, ``entry.use``), so a planner or an administrator is not shown a link that answers 403."""
    return role_of(user) in SEES and may(user, "entry.use")
