/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace environment for include/xen/interface/io/vscsiif.h: Xen's public
 * ring.h and grant_table.h from libxen-dev, with the barriers they expect.
 */
#ifndef PVSCSI_TESTS_VSCSIIF_USER_H
#define PVSCSI_TESTS_VSCSIIF_USER_H

#include <string.h>
#define xen_mb()	__sync_synchronize()
#define xen_rmb()	__sync_synchronize()
#define xen_wmb()	__sync_synchronize()
#include <xen/xen.h>
#include <xen/grant_table.h>
#include <xen/io/ring.h>

#endif
