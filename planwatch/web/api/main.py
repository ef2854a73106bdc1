"""The one ``NinjaAPI`` instance; errors of the services become JSON with a Chinese ``detail``, answered with
the status the pages give the same refusal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from planwatch.web.api import evaluation, monitoring
from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring.errors import SubmissionBlocked, refusal_status

api = NinjaAPI(title="Planwatch API", version="1", description="规划实施监测评估系统 API", urls_namespace="api")
api.add_router("/", monitoring.router)
api.add_router("/", evaluation.router)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "无权操作"}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "不存在"}, status=404)


@api.exception_handler(ServiceError)
def service_error(request, exc):
    """The status the pages answer for the same refusal (``refusal_status``): 409 when the figure's state does
    not allow it (already approved, changed meanwhile), 422 when the input is not acceptable."""
    body = {"detail": str(exc)}
    if isinstance(exc, SubmissionBlocked):
        body["problems"] = [p.as_dict() for p in exc.problems]
    return api.create_response(request, body, status=refusal_status(exc))


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    """401 with the challenge RFC 9110 asks for, and the reason in Chinese."""
    detail = str(exc) if str(exc) != "Unauthorized" else "请先登录或提供有效的 API 令牌"
    reply = api.create_response(request, {"detail": detail}, status=401)
    reply["WWW-Authenticate"] = 'Bearer realm="planwatch"'
    return reply
