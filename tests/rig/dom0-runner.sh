#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs the group's scenarios in Dom0, one after another, each in its own
# shell with /rig/lib.sh, under a timeout.  Prints for run-rig.sh:
#   RIG-RESULT <name> PASS|FAIL <seconds> [reason]
#   RIG-DIAG-BEGIN <name> ... RIG-DIAG-END <name>   (failures only)
# Every scenario also fails on an Oops/BUG/WARNING in Dom0's kernel log or
# any guest console, or when Dom0 tasks stay blocked once its guests are
# gone, so no scenario has to remember to look.
. /rig/lib.sh

OOPS_RE='Oops|BUG:|WARNING:|Call Trace|general protection fault|kernel BUG|UBSAN|KASAN|refcount_t:|list_del corruption|soft lockup|hung_task|blocked for more than'
CONSOLES=/var/log/xen/console

destroy_all_guests() {
	for dom in $(xl list 2>/dev/null | awk 'NR > 2 { print $1 }'); do
		xl destroy "$dom" 2>/dev/null
	done
}

# blocked_tasks: "name:pid" of every task in D state, from sysrq-w.
blocked_tasks() {
	dmesg -c >/dev/null
	echo w >/proc/sysrq-trigger
	dmesg | sed -n 's/.*task:\([^ ]*\) .*state:D.* pid:\([0-9]*\).*/\1:\2/p' | sort
}

# stuck_tasks DIR: tasks still blocked 3 s after a first look, with their
# stacks in DIR/blocked: a teardown that never finishes.
stuck_tasks() {
	_first=$(blocked_tasks)
	[ -z "$_first" ] && return 1
	sleep 3
	_again=$(blocked_tasks)
	dmesg >"$1/blocked"
	_stuck=$(echo "$_first" | grep -Fx "$_again")
	[ -n "$_stuck" ] && echo "$_stuck" | tr '\n' ' '
}

diagnose() {
	name=$1 dir=$2
	echo "RIG-DIAG-BEGIN $name"
	echo "--- scenario output (last 80 lines)"
	tail -n 80 "$dir/out" | sed "s/^/  /"
	echo "--- dom0 dmesg (last 60 lines)"
	tail -n 60 "$dir/dmesg"
	for log in "$dir"/guest-*.log; do
		[ -f "$log" ] || continue
		echo "--- console $(basename "$log") (last 60 lines)"
		tail -n 60 "$log"
	done
	if [ -f "$dir/blocked" ]; then
		echo "--- dom0 blocked tasks (sysrq-w)"
		tail -n 120 "$dir/blocked"
	fi
	echo "--- xenstore vscsi nodes"
	cat "$dir/xenstore"
	echo "RIG-DIAG-END $name"
}

run_one() {
	script=$1
	name=$(basename "$script" .sh)
	dir=/tmp/results/$name
	mkdir -p "$dir"
	limit=$(sed -n 's/^# rig-timeout: *\([0-9]*\).*/\1/p' "$script")
	dmesg -c >/dev/null
	echo "RIG-START $name"
	start=$(date +%s)
	timeout "${limit:-300}" sh -c ". /rig/lib.sh; . '$script'" >"$dir/out" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	xenstore-ls -f 2>/dev/null | grep '/vscsi' >"$dir/xenstore"
	destroy_all_guests
	sleep 1
	dmesg >"$dir/dmesg"
	for log in "$CONSOLES"/guest-*.log; do
		[ -f "$log" ] && mv "$log" "$dir/"
	done
	grep -h '^RIG-SHOW ' "$dir/out"
	stuck=$(stuck_tasks "$dir")
	reason=
	if [ "$rc" -eq 143 ] || [ "$rc" -eq 124 ]; then
		reason="timed out after ${limit:-300}s"
	elif [ "$rc" -ne 0 ]; then
		reason="exit $rc: $(grep '^FAIL: ' "$dir/out" | tail -n 1)"
	fi
	if grep -Eq "$OOPS_RE" "$dir/dmesg"; then
		reason="$reason${reason:+; }dom0 kernel: $(grep -Em1 "$OOPS_RE" "$dir/dmesg")"
	fi
	for log in "$dir"/guest-*.log; do
		[ -f "$log" ] || continue
		if grep -Eq "$OOPS_RE" "$log"; then
			reason="$reason${reason:+; }$(basename "$log"): $(grep -Em1 "$OOPS_RE" "$log")"
		fi
	done
	if [ -n "$stuck" ]; then
		reason="$reason${reason:+; }dom0 tasks blocked after the scenario: $stuck"
	fi
	if [ -z "$reason" ]; then
		echo "RIG-RESULT $name PASS $secs"
	else
		diagnose "$name" "$dir"
		echo "RIG-RESULT $name FAIL $secs $reason"
	fi
}

for script in /rig/scenarios/[0-9]*.sh; do
	[ -f "$script" ] && run_one "$script"
done
