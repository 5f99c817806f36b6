// SPDX-License-Identifier: GPL-2.0
/*
 * xl config reading: name and the vscsi list out of realistic files, and
 * malformed files rejected with the line of the problem.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "xlcfg.h"

static char err[256];

static struct xlcfg parse_ok(const char *text)
{
	struct xlcfg cfg;

	err[0] = '\0';
	if (xlcfg_parse(text, strlen(text), &cfg, err, sizeof(err)))
		fail_msg("rejected: %s\n%s", err, text);
	return cfg;
}

static void parse_bad(const char *text, const char *want)
{
	struct xlcfg cfg;

	err[0] = '\0';
	assert_int_equal(xlcfg_parse(text, strlen(text), &cfg, err, sizeof(err)),
			 -EINVAL);
	if (strcmp(err, want))
		fail_msg("got '%s', wanted '%s' for:\n%s", err, want, text);
	assert_null(cfg.name);
	assert_null(cfg.vscsi);
	assert_int_equal(cfg.nr_vscsi, 0);
}

static void test_real_config(void **state)
{
	static const char text[] =
		"# Debian guest with a tape drive\n"
		"name = \"backup-01\"\n"
		"type = 'pv'\n"
		"kernel = \"/boot/vmlinuz\"   # trailing comment\n"
		"memory = 1024; vcpus = 2\n"
		"extra = \"console=hvc0 root=/dev/xvda1 # not a comment\"\n"
		"disk = [ 'phy:/dev/vg/backup,xvda,w',\n"
		"         'file:/srv/x.iso,xvdc:cdrom,r' ]\n"
		"vscsi = [\n"
		"    '/dev/sdb,0:0:0:0',          # the disk\n"
		"\n"
		"    \"naa.6001405aabbccdd1:0,0:0:1:0\",\n"
		"    # commented out: '/dev/st0,0:0:3:0',\n"
		"    '2:0:1:0,0:0:2:0',\n"
		"]\n"
		"on_crash = \"destroy\"\n";
	struct xlcfg cfg;

	(void)state;
	cfg = parse_ok(text);
	assert_string_equal(cfg.name, "backup-01");
	assert_true(cfg.has_vscsi);
	assert_int_equal(cfg.nr_vscsi, 3);
	assert_string_equal(cfg.vscsi[0], "/dev/sdb,0:0:0:0");
	assert_string_equal(cfg.vscsi[1], "naa.6001405aabbccdd1:0,0:0:1:0");
	assert_string_equal(cfg.vscsi[2], "2:0:1:0,0:0:2:0");
	xlcfg_free(&cfg);
}

static void test_no_vscsi(void **state)
{
	struct xlcfg cfg;

	(void)state;
	cfg = parse_ok("name='g'\nmemory=256\n");
	assert_string_equal(cfg.name, "g");
	assert_false(cfg.has_vscsi);
	assert_int_equal(cfg.nr_vscsi, 0);
	xlcfg_free(&cfg);

	cfg = parse_ok("");
	assert_null(cfg.name);
	xlcfg_free(&cfg);

	cfg = parse_ok("vscsi=[]\n# only a comment, no newline at the end");
	assert_true(cfg.has_vscsi);
	assert_int_equal(cfg.nr_vscsi, 0);
	assert_null(cfg.name);
	xlcfg_free(&cfg);
}

static void test_override_and_append(void **state)
{
	struct xlcfg cfg;

	(void)state;
	/* Later settings win, as with xl's key=value overrides. */
	cfg = parse_ok("name='a'\nvscsi=['/dev/sdb,0:0:0:0']\nname=\"b\"\n"
		       "vscsi=['/dev/sdc,0:0:1:0']\n");
	assert_string_equal(cfg.name, "b");
	assert_int_equal(cfg.nr_vscsi, 1);
	assert_string_equal(cfg.vscsi[0], "/dev/sdc,0:0:1:0");
	xlcfg_free(&cfg);

	cfg = parse_ok("vscsi=['/dev/sdb,0:0:0:0']\nvscsi += [ '/dev/sdc,0:0:1:0' ,]\n");
	assert_int_equal(cfg.nr_vscsi, 2);
	assert_string_equal(cfg.vscsi[1], "/dev/sdc,0:0:1:0");
	xlcfg_free(&cfg);
}

static void test_strings(void **state)
{
	struct xlcfg cfg;

	(void)state;
	cfg = parse_ok("name = \"a\\\"b\\\\c\\x41\\101\\t\"\n");
	assert_string_equal(cfg.name, "a\"b\\cAA\t");
	xlcfg_free(&cfg);

	cfg = parse_ok("name = 'with \"double\" # and hash'\n");
	assert_string_equal(cfg.name, "with \"double\" # and hash");
	xlcfg_free(&cfg);

	cfg = parse_ok("vscsi = [ \"/dev/sdb,0:0:0:0\", '/dev/sdc,0:0:1:0' ]\r\n");
	assert_int_equal(cfg.nr_vscsi, 2);
	xlcfg_free(&cfg);
}

static void test_other_values_ignored(void **state)
{
	struct xlcfg cfg;

	(void)state;
	cfg = parse_ok("pci = [ [ '0000:00:1f.0' ], [] ]\nmaxmem=0x400\n"
		       "cpus = \"0-3\"\nvif=['mac=00:16:3e:00:00:01,bridge=br0']\n"
		       "name=\"x\"");
	assert_string_equal(cfg.name, "x");
	assert_false(cfg.has_vscsi);
	xlcfg_free(&cfg);
}

static void test_malformed(void **state)
{
	(void)state;
	parse_bad("name = \"abc\n", "line 1: unterminated string (missing \")");
	parse_bad("x=1\nname = 'abc\n", "line 2: unterminated string (missing ')");
	parse_bad("vscsi = [ '/dev/sdb,0:0:0:0'\n", "line 1: unterminated list ('[' without ']')");
	parse_bad("a=1\nvscsi = [\n '/dev/sdb,0:0:0:0',\n", "line 2: unterminated list ('[' without ']')");
	parse_bad("vscsi = [ '/dev/sdb,0:0:0:0' '/dev/sdc,0:0:1:0' ]", "line 1: expected ',' or ']' in list");
	parse_bad("vscsi = [ , ]", "line 1: expected a value (string, number or list)");
	parse_bad("vscsi = ]", "line 1: expected a value (string, number or list)");
	parse_bad("name \"x\"", "line 1: expected '=' after 'name'");
	parse_bad("name = \"x\" junk", "line 1: junk after the value of 'name'");
	parse_bad("name = \"x\" \"y\"", "line 1: junk after the value of 'name'");
	parse_bad("name =\n\"x\"", "line 1: expected a value (string, number or list)");
	parse_bad("= 3", "line 1: expected a setting name");
	parse_bad("\n\n'x' = 3", "line 3: expected a setting name");
	parse_bad("name = \"x\"\n@", "line 2: unexpected character '@'");
	parse_bad("name = \"bad \\q escape\"", "line 1: bad escape sequence in string");
	parse_bad("name = \"nul \\0\"", "line 1: bad escape sequence in string");
	parse_bad("name = \"cut \\", "line 1: unterminated string (missing \")");
	parse_bad("vscsi = '/dev/sdb,0:0:0:0'", "line 1: vscsi must be a list, e.g. vscsi = [ '/dev/sdb,0:0:0:0' ]");
	parse_bad("vscsi = [ '/dev/sdb,0:0:0:0', 3 ]", "line 1: vscsi item 2 is not a quoted string");
	parse_bad("vscsi = [ [ 'x' ] ]", "line 1: vscsi item 1 is not a quoted string");
	parse_bad("name = [ 'x' ]", "line 1: name must be a quoted string");
	parse_bad("name = 42", "line 1: name must be a quoted string");
	parse_bad("x = [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "line 1: lists nested too deeply");
}

static void test_embedded_nul(void **state)
{
	static const char text[] = "name = 'a'\n\0vscsi=[]";
	struct xlcfg cfg;

	(void)state;
	assert_int_equal(xlcfg_parse(text, sizeof(text) - 1, &cfg, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, "line 2: NUL byte in config");
}

static void test_len_bounds_text(void **state)
{
	static const char text[] = "name = 'abc'XXXX";
	struct xlcfg cfg;

	(void)state;
	/* Only len bytes are read, even without a terminating NUL. */
	assert_int_equal(xlcfg_parse(text, 12, &cfg, err, sizeof(err)), 0);
	assert_string_equal(cfg.name, "abc");
	xlcfg_free(&cfg);
	assert_int_equal(xlcfg_parse(text, 11, &cfg, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "line 1: unterminated string (missing ')");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_config),
		cmocka_unit_test(test_no_vscsi),
		cmocka_unit_test(test_override_and_append),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_other_values_ignored),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_len_bounds_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
