#!/usr/bin/python3
# desktop-services.py: the two desktop services the daily reminder talks to,
# for the tests, on the test's private session bus.
#
# - org.freedesktop.Notifications, which GLib's "freedesktop" notification
#   backend (GNOTIFICATION_BACKEND=freedesktop) sends the reminder to;
# - org.freedesktop.portal.Desktop with the Background interface, answering
#   every request as --background says.
#
# The test reads what was sent, and clicks, through org.limber.TestDesktop on
# /org/limber/TestDesktop.
#
# Copyright 2026 The Limber developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import sys

from gi.repository import Gio, GLib

NOTIFICATIONS_XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
"""

PORTAL_XML = """
<node>
  <interface name="org.freedesktop.portal.Background">
    <method name="RequestBackground">
      <arg type="s" direction="in"/><arg type="a{sv}" direction="in"/><arg type="o" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""

TEST_XML = """
<node>
  <interface name="org.limber.TestDesktop">
    <!-- id, summary, body, actions (key, label, key, label...) -->
    <method name="GetNotifications"><arg type="a(ussas)" direction="out"/></method>
    <method name="GetClosed"><arg type="au" direction="out"/></method>
    <method name="Invoke"><arg type="u" direction="in"/><arg type="s" direction="in"/></method>
    <!-- autostart, commandline, reason of each background request -->
    <method name="GetBackgroundRequests"><arg type="a(bass)" direction="out"/></method>
  </interface>
</node>
"""


class Services:
    def __init__(self, connection, background):
        self.connection = connection
        self.background = background
        self.notifications = []
        self.closed = []
        self.requests = []
        self.next_id = 1

    def notifications_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method == "Notify":
            _app, replaces, _icon, summary, body, actions, _hints, _timeout = parameters.unpack()
            notify_id = replaces or self.next_id
            self.next_id = max(self.next_id, notify_id + 1)
            self.notifications.append((notify_id, summary, body, actions))
            invocation.return_value(GLib.Variant("(u)", (notify_id,)))
        elif method == "CloseNotification":
            self.closed.append(parameters.unpack()[0])
            invocation.return_value(None)
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("limber-test", "Limber", "1", "1.2")))

    def portal_call(self, connection, sender, path, interface, method, parameters, invocation):
        _window, options = parameters.unpack()
        token = options.get("handle_token", "t")
        request = "/org/freedesktop/portal/desktop/request/%s/%s" % (sender[1:].replace(".", "_"), token)
        self.requests.append((options.get("autostart", False), options.get("commandline", []),
                              options.get("reason", "")))
        invocation.return_value(GLib.Variant("(o)", (request,)))
        allowed = self.background != "refuse"
        results = {"background": GLib.Variant("b", allowed),
                   "autostart": GLib.Variant("b", allowed and self.background == "allow")}
        GLib.idle_add(self.respond, sender, request, 0 if allowed else 1, results)

    def respond(self, destination, request, response, results):
        self.connection.emit_signal(destination, request, "org.freedesktop.portal.Request", "Response",
                                    GLib.Variant("(ua{sv})", (response, results)))
        return GLib.SOURCE_REMOVE

    def portal_get_property(self, connection, sender, path, interface, name):
        return GLib.Variant("u", 2)

    def test_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method == "GetNotifications":
            invocation.return_value(GLib.Variant("(a(ussas))", (self.notifications,)))
        elif method == "GetClosed":
            invocation.return_value(GLib.Variant("(au)", (self.closed,)))
        elif method == "GetBackgroundRequests":
            invocation.return_value(GLib.Variant("(a(bass))", (self.requests,)))
        elif method == "Invoke":
            notify_id, action = parameters.unpack()
            connection.emit_signal(None, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                   "ActionInvoked", GLib.Variant("(us)", (notify_id, action)))
            invocation.return_value(None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--background", choices=["allow", "no-autostart", "refuse", "none"], default="none",
                        help="how the Background portal answers; none: there is no portal")
    args = parser.parse_args()

    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    services = Services(connection, args.background)

    def register(xml, path, call, get_property=None):
        info = Gio.DBusNodeInfo.new_for_xml(xml).interfaces[0]
        connection.register_object(path, info, call, get_property, None)

    register(NOTIFICATIONS_XML, "/org/freedesktop/Notifications", services.notifications_call)
    register(TEST_XML, "/org/limber/TestDesktop", services.test_call)
    names = ["org.freedesktop.Notifications"]
    if args.background != "none":
        register(PORTAL_XML, "/org/freedesktop/portal/desktop", services.portal_call, services.portal_get_property)
        names.append("org.freedesktop.portal.Desktop")

    # The test's own name last: once it is owned, everything is in place.
    names.append("org.limber.TestDesktop")
    for name in names:
        reply = connection.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                     "RequestName", GLib.Variant("(su)", (name, 4)), GLib.VariantType("(u)"),
                                     Gio.DBusCallFlags.NONE, -1, None)
        if reply.unpack()[0] != 1:
            sys.exit("desktop-services: %s is already owned" % name)

    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
