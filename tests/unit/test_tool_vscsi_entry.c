// SPDX-License-Identifier: GPL-2.0
/*
 * vscsi entry parsing ('pdev,vdev[,feature-host]'): every pdev form, the
 * vdev ranges, and malformed input, each error naming the entry.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vscsi_entry.h"

static char err[512];

static struct vscsi_entry parse_ok(const char *text)
{
	struct vscsi_entry e;

	err[0] = '\0';
	if (vscsi_entry_parse(text, &e, err, sizeof(err)))
		fail_msg("'%s' rejected: %s", text, err);
	return e;
}

/* Rejected, and the message names the entry and contains why. */
static void parse_bad(const char *text, const char *why)
{
	struct vscsi_entry e;
	char prefix[600];

	err[0] = '\0';
	assert_int_equal(vscsi_entry_parse(text, &e, err, sizeof(err)), -EINVAL);
	snprintf(prefix, sizeof(prefix), "vscsi entry '%s': ", text);
	if (strncmp(err, prefix, strlen(prefix)))
		fail_msg("'%s': message does not name the entry: %s", text, err);
	if (!strstr(err, why))
		fail_msg("'%s': expected '%s' in: %s", text, why, err);
}

static void assert_vdev(const struct vscsi_entry *e, unsigned int h,
			unsigned int c, unsigned int t, unsigned int l)
{
	assert_int_equal(e->vdev.host, h);
	assert_int_equal(e->vdev.channel, c);
	assert_int_equal(e->vdev.target, t);
	assert_int_equal(e->vdev.lun, l);
}

static void test_dev_paths(void **state)
{
	static const char *const ok[] = {
		"/dev/sdb", "/dev/sdaa", "/dev/sg0", "/dev/sg12", "/dev/st0",
		"/dev/nst3", "/dev/st1l", "/dev/sr0",
		"/dev/disk/by-id/scsi-35000c500a1b2c3d4",
		"/dev/disk/by-path/pci-0000:00:1f.2-ata-1",
		"/dev/tape/by-id/scsi-HP_Ultrium",
	};
	char text[128];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct vscsi_entry e;

		snprintf(text, sizeof(text), "%s,0:0:%zu:0", ok[i], i);
		e = parse_ok(text);
		assert_int_equal(e.kind, VSCSI_PDEV_PATH);
		assert_string_equal(e.pdev, ok[i]);
		assert_vdev(&e, 0, 0, i, 0);
		assert_false(e.feature_host);
	}
}

static void test_bad_dev_paths(void **state)
{
	(void)state;
	parse_bad("/dev/sdb1,0:0:0:0", "is a partition");
	parse_bad("/dev/sd,0:0:0:0", "no disk letter");
	parse_bad("/dev/sdB,0:0:0:0", "no disk letter");
	parse_bad("/dev/sgx,0:0:0:0", "/dev/sgN");
	parse_bad("/dev/sg,0:0:0:0", "/dev/sgN");
	parse_bad("/dev/st,0:0:0:0", "no tape number");
	parse_bad("/dev/stx,0:0:0:0", "tape name");
	parse_bad("/dev/hda,0:0:0:0", "not a supported device");
	parse_bad("/dev/disk/by-id/,0:0:0:0", "directory");
	parse_bad("/dev/disk/by-id/../../sda,0:0:0:0", "..");
	parse_bad("/tmp/sda,0:0:0:0", "not under /dev");
	parse_bad("/dev/sd b,0:0:0:0", "space");
	parse_bad("sdb,0:0:0:0", "is not a /dev path, h:c:t:l or WWN");
}

static void test_hctl_pdev(void **state)
{
	struct vscsi_entry e;

	(void)state;
	e = parse_ok("2:0:1:0,0:0:2:0");
	assert_int_equal(e.kind, VSCSI_PDEV_HCTL);
	assert_int_equal(e.phys.host, 2);
	assert_int_equal(e.phys.channel, 0);
	assert_int_equal(e.phys.target, 1);
	assert_int_equal(e.phys.lun, 0);
	assert_vdev(&e, 0, 0, 2, 0);

	e = parse_ok("4294967295:4294967295:4294967295:18446744073709551615,1:2:3:4");
	assert_int_equal(e.phys.host, UINT32_MAX);
	assert_true(e.phys.lun == UINT64_MAX);
	assert_vdev(&e, 1, 2, 3, 4);

	parse_bad("4294967296:0:0:0,0:0:0:0", "out of range");
	parse_bad("0:0:0:18446744073709551616,0:0:0:0", "out of range");
	parse_bad("1:2:3,0:0:0:0", "is not h:c:t:l");
	parse_bad("1:2:3:4:5,0:0:0:0", "is not h:c:t:l");
	parse_bad("1:2::4,0:0:0:0", "is not h:c:t:l");
	parse_bad("1:2:3:4x,0:0:0:0", "is not h:c:t:l");
	parse_bad("1:-2:3:4,0:0:0:0", "is not h:c:t:l");
	parse_bad("1:0x2:3:4,0:0:0:0", "is not h:c:t:l");
}

static void test_wwn_pdev(void **state)
{
	static const char *const ok[] = {
		"naa.6001405aabbccdd1", "naa.6001405aabbccdd1:0",
		"naa.60014054AC780582:255",
		"naa.600140500000000000000000000000ff:3",
		"eui.0123456789abcdef", "eui.0123456789abcdef01234567:1",
		"fc.5001405aabbccdd1:0", "t10.ATA_QEMU_HARDDISK_QM00001",
		"iqn.2003-01.org.linux-iscsi.host:sn.1234:0",
	};
	char text[128];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct vscsi_entry e;

		snprintf(text, sizeof(text), "%s,0:0:0:%zu", ok[i], i);
		e = parse_ok(text);
		assert_int_equal(e.kind, VSCSI_PDEV_WWN);
		/* The stock backend's "name:lun" form must pass through as is. */
		assert_string_equal(e.pdev, ok[i]);
	}
}

static void test_bad_wwn(void **state)
{
	(void)state;
	parse_bad("naa.6001405aabbccd,0:0:0:0", "wrong number of hex digits");
	parse_bad("naa.,0:0:0:0", "wrong number of hex digits");
	parse_bad("naa.6001405aabbccdd1zz,0:0:0:0", "junk after the hex digits");
	parse_bad("naa.6001405aabbccdzz,0:0:0:0", "wrong number of hex digits");
	parse_bad("naa.6001405aabbccdd1:,0:0:0:0", "no lun number");
	parse_bad("naa.6001405aabbccdd1:x,0:0:0:0", "no lun number");
	parse_bad("naa.6001405aabbccdd1:1x,0:0:0:0", "junk after the lun");
	parse_bad("naa.6001405aabbccdd1:4294967296,0:0:0:0", "lun out of range");
	parse_bad("fc.5001405a,0:0:0:0", "16 hex digits");
	parse_bad("t10.,0:0:0:0", "empty name");
	parse_bad("t10.A B,0:0:0:0", "outside");
	parse_bad("iqn.2003-01.org.x:,0:0:0:0", "no lun number");
	parse_bad("NAA.6001405aabbccdd1,0:0:0:0", "is not a /dev path");
}

static void test_vdev(void **state)
{
	struct vscsi_entry e;

	(void)state;
	e = parse_ok("/dev/sg0,65535:65535:65535:65535");
	assert_vdev(&e, 65535, 65535, 65535, 65535);
	e = parse_ok("/dev/sg0,007:0:00:1");
	assert_vdev(&e, 7, 0, 0, 1);
	parse_bad("/dev/sg0,65536:0:0:0", "out of range");
	parse_bad("/dev/sg0,0:0:0:65536", "out of range");
	parse_bad("/dev/sg0,0:0:0:99999999999999999999999", "out of range");
	parse_bad("/dev/sg0,0:0:0", "is not h:c:t:l");
	parse_bad("/dev/sg0,0:0:0:0:0", "is not h:c:t:l");
	parse_bad("/dev/sg0,a:0:0:0", "is not h:c:t:l");
	parse_bad("/dev/sg0,0:0:0:0 junk", "is not h:c:t:l");
	parse_bad("/dev/sg0,+1:0:0:0", "is not h:c:t:l");
	parse_bad("/dev/sg0,/dev/sg1", "is not h:c:t:l");
}

static void test_fields(void **state)
{
	struct vscsi_entry e;

	(void)state;
	e = parse_ok("  /dev/sdb , 0:0:0:0 ,\tfeature-host ");
	assert_string_equal(e.pdev, "/dev/sdb");
	assert_true(e.feature_host);
	parse_bad("", "empty entry");
	parse_bad("   ", "empty entry");
	parse_bad("/dev/sdb", "expected 'pdev,vdev[,feature-host]'");
	parse_bad(",0:0:0:0", "missing pdev");
	parse_bad("/dev/sdb,", "missing vdev");
	parse_bad(",", "missing pdev");
	parse_bad("/dev/sdb,0:0:0:0,", "unknown option ''");
	parse_bad("/dev/sdb,0:0:0:0,feature_host", "unknown option 'feature_host'");
	parse_bad("/dev/sdb,0:0:0:0,feature-host,x", "too many fields");
	parse_bad("/dev/sdb,0:0:0:0,,,,,", "too many fields");
}

static void test_too_long(void **state)
{
	char text[VSCSI_ENTRY_MAX + 16];
	struct vscsi_entry e;

	(void)state;
	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(vscsi_entry_parse(text, &e, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "longer than"));

	/* A pdev that would not fit xen-scsiback's 256-byte buffer. */
	memcpy(text, "t10.", 4);
	memset(text + 4, 'A', 300);
	strcpy(text + 304, ",0:0:0:0");
	parse_bad(text, "pdev longer than 255");
}

static void test_small_error_buffer(void **state)
{
	struct vscsi_entry e;
	char tiny[8];

	(void)state;
	assert_int_equal(vscsi_entry_parse("bad", &e, tiny, sizeof(tiny)), -EINVAL);
	assert_int_equal(strlen(tiny), sizeof(tiny) - 1);
	assert_int_equal(vscsi_entry_parse("bad", &e, NULL, 0), -EINVAL);
}

static void test_hctl_helpers(void **state)
{
	struct vscsi_phys_hctl p;
	struct vscsi_virt_hctl v;
	char buf[64];

	(void)state;
	assert_int_equal(vscsi_parse_phys_hctl("02:0:010:7", &p), 0);
	vscsi_format_phys_hctl(buf, sizeof(buf), &p);
	assert_string_equal(buf, "2:0:10:7");
	assert_int_equal(vscsi_parse_virt_hctl("0:0:1:0", &v), 0);
	vscsi_format_virt_hctl(buf, sizeof(buf), &v);
	assert_string_equal(buf, "0:0:1:0");
	assert_int_equal(vscsi_parse_virt_hctl("70000:0:0:0", &v), -ERANGE);
	assert_int_equal(vscsi_parse_virt_hctl("x:0:0:0", &v), -EINVAL);
	assert_int_equal(vscsi_parse_virt_hctl("", &v), -EINVAL);
	/* Syntax errors win over range errors. */
	assert_int_equal(vscsi_parse_virt_hctl("70000:0:0", &v), -EINVAL);
}

static void parse_list(const char *const *texts, size_t n,
		       struct vscsi_entry *e)
{
	for (size_t i = 0; i < n; i++)
		e[i] = parse_ok(texts[i]);
}

static void test_list_check(void **state)
{
	static const char *const good[] = {
		"/dev/sdb,0:0:0:0", "naa.6001405aabbccdd1:0,0:0:1:0",
		"2:0:1:0,0:0:2:0", "/dev/sg3,1:0:0:0,feature-host",
	};
	static const char *const dup_vdev[] = {
		"/dev/sdb,0:0:0:0", "/dev/sdc,0:0:1:0", "/dev/sdd,00:0:1:0",
	};
	static const char *const dup_pdev[] = {
		"2:0:1:0,0:0:0:0", "02:00:1:0,0:0:1:0",
	};
	static const char *const dup_wwn[] = {
		"naa.6001405AABBCCDD1:0,0:0:0:0", "naa.6001405aabbccdd1:0,0:0:1:0",
	};
	static const char *const fh_mix[] = {
		"/dev/sdb,0:0:0:0", "/dev/sdc,0:0:1:0,feature-host",
	};
	struct vscsi_entry e[4];

	(void)state;
	parse_list(good, 4, e);
	assert_int_equal(vscsi_entries_check(e, 4, false, err, sizeof(err)), 0);
	assert_int_equal(vscsi_entries_check(e, 0, false, err, sizeof(err)), 0);

	parse_list(dup_vdev, 3, e);
	assert_int_equal(vscsi_entries_check(e, 3, true, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "vscsi entries '/dev/sdc,0:0:1:0' and '/dev/sdd,0:0:1:0': use the same vdev");

	parse_list(dup_pdev, 2, e);
	assert_int_equal(vscsi_entries_check(e, 2, false, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "same pdev"));
	assert_int_equal(vscsi_entries_check(e, 2, true, err, sizeof(err)), 0);

	parse_list(dup_wwn, 2, e);
	assert_int_equal(vscsi_entries_check(e, 2, false, err, sizeof(err)), -EINVAL);

	parse_list(fh_mix, 2, e);
	assert_int_equal(vscsi_entries_check(e, 2, false, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "feature-host"));
}

static void test_plan_slots(void **state)
{
	static const char *const list[] = {
		"/dev/sdb,3:0:0:0", "/dev/sdc,0:0:0:0", "/dev/sdd,3:0:1:0",
		"/dev/sde,1:0:0:0", "/dev/sdf,3:0:2:0", "/dev/sdg,0:0:1:0",
	};
	static const struct vscsi_slot want[] = {
		{ 5, 0 }, { 6, 0 }, { 5, 1 }, { 7, 0 }, { 5, 2 }, { 6, 1 },
	};
	struct vscsi_entry e[6];
	struct vscsi_slot slot[6];

	(void)state;
	parse_list(list, 6, e);
	assert_int_equal(vscsi_plan_slots(e, 6, 5, slot), 3);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(slot[i].devid, want[i].devid);
		assert_int_equal(slot[i].devn, want[i].devn);
	}
	assert_int_equal(vscsi_plan_slots(e, 0, 0, slot), 0);
	assert_int_equal(vscsi_plan_slots(e, 1, 0, slot), 1);
	assert_int_equal(slot[0].devid, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dev_paths),
		cmocka_unit_test(test_bad_dev_paths),
		cmocka_unit_test(test_hctl_pdev),
		cmocka_unit_test(test_wwn_pdev),
		cmocka_unit_test(test_bad_wwn),
		cmocka_unit_test(test_vdev),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_small_error_buffer),
		cmocka_unit_test(test_hctl_helpers),
		cmocka_unit_test(test_list_check),
		cmocka_unit_test(test_plan_slots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
