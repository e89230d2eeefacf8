/* limber-kiosk-controller-private.h: what the tests reach inside the kiosk controller.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-controller.h"

G_BEGIN_DECLS

/* The file whose presence says Limber runs inside a Flatpak, /.flatpak-info
 * unless a test names another; NULL puts the real one back. */
void limber_kiosk_controller_set_flatpak_info_path (const char *path);

G_END_DECLS
