"""The admin user API with the bootstrap admin and with a platform API key; pagination; the audit log."""
from __future__ import annotations

import pytest

import support
from janua import JanuaClient
from janua.exceptions import AuthorizationError, NotFoundError, ValidationError


def test_admin_users_with_a_platform_key(platform_key, base_url):
    ops = JanuaClient(base_url=base_url, api_key=platform_key)
    tag = "pg" + support.RUN
    created = [ops.users.create(email=f"{tag}.{i}@example.com", password=support.PASSWORD, first_name="Page",
                                last_name=f"Tester{i}", email_verified=True) for i in range(5)]
    page = ops.users.list(limit=2, search=tag, include_total=True)
    assert page.total_count == 5 and len(page) == 2 and page.has_more and page.next_cursor
    assert sorted(u.id for u in page.auto_paging_iter()) == sorted(u.id for u in created)
    by_offset = ops.users.list(limit=2, offset=2, search=tag)
    assert len(by_offset) == 2 and by_offset.page == 2
    with pytest.raises(ValidationError):
        ops.users.list(limit=2, offset=3)
    assert [u.id for u in ops.users.list(search=tag, email_verified=True, limit=100)] != []

    target = created[0]
    assert ops.users.get_by_email(target.email).id == target.id
    assert ops.users.update(target.id, phone_number="+14155550199").phone_number == "+14155550199"
    moved = ops.users.update_email(user_id=target.id, new_email=f"moved.{tag}@example.com", require_verification=True)
    assert moved.email == f"moved.{tag}@example.com" and moved.email_verified is False

    person = JanuaClient(base_url=base_url)
    person.auth.sign_in(email=created[1].email, password=support.PASSWORD)
    suspended = ops.users.suspend(created[1].id, reason="Terms violation", duration=3600)
    assert suspended.status == "suspended" and suspended.suspension["reason"] == "Terms violation"
    with pytest.raises(AuthorizationError) as e:
        JanuaClient(base_url=base_url).auth.sign_in(email=created[1].email, password=support.PASSWORD)
    assert e.value.code == "ACCOUNT_SUSPENDED"
    assert ops.users.unsuspend(created[1].id).status == "active"
    assert ops.users.unlock(created[1].id).locked in (False, None)

    ops.users.delete(created[2].id)
    with pytest.raises(NotFoundError) as gone:
        ops.users.get(created[2].id)
    assert gone.value.code == "USER_NOT_FOUND"


def test_admin_in_person_audit_log_and_organizations(admin, user):
    c, email, _ = user
    me = admin.auth.get_current_user()
    assert me.is_admin is True
    assert admin.users.get(c.tokens.user_id).email == email
    mine = c.audit_logs.list(event_type="user.signin")
    assert all(r.user_id == c.tokens.user_id for r in mine) and mine.data
    everything = admin.audit_logs.list_all(user_id=c.tokens.user_id, limit=5)
    assert everything.data and everything.data[0].hash_chain
    assert admin.audit_logs.verify().valid is True
    assert email in admin.audit_logs.export(format="jsonl", user_id=c.tokens.user_id)
    assert admin.organizations.list_all(limit=1).limit == 1
