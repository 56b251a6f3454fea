"""What TwinDesk says when a login may not make a change on the shared server, in Chinese (see
store.messages; the English is domain.operations.write_access's)."""

from twindesk.store.messages import add_chinese

ACCESS_ZH = {
    "You are signed in to {server} as {login}, who may only read (role twindesk_reader). "
    "Ask the office's administrator for the editor role.":
        "您以 {login} 的身份登录 {server}，该用户只能查看（角色 twindesk_reader）。请向本单位的管理员申请编辑者角色。",
    "You are signed in to {server} as {login}, who may not change home localities (role twindesk_editor). "
    "Ask the office's administrator for the admin role.":
        "您以 {login} 的身份登录 {server}，该用户不能更改本方地区（角色 twindesk_editor）。请向本单位的管理员申请管理员角色。",
    "You are signed in to {server} as {login}, who has no TwinDesk role (twindesk_reader, twindesk_editor "
    "or twindesk_admin). Ask the office's administrator for one.":
        "您以 {login} 的身份登录 {server}，该用户没有 TwinDesk 角色（twindesk_reader、twindesk_editor 或 "
        "twindesk_admin）。请向本单位的管理员申请其中之一。",
    "You are signed in to {server} as {login}, who may not manage logins (role twindesk_editor). "
    "Ask the office's administrator (role twindesk_admin).":
        "您以 {login} 的身份登录 {server}，该用户不能管理登录用户（角色 twindesk_editor）。请联系本单位的管理员（角色 twindesk_admin）。",
}

add_chinese(ACCESS_ZH)
