# rig-timeout: 120
# Malformed configs and arguments: each refused before anything happens,
# with one error line naming the entry; no domain created, xenstore as before.
. /rig/scenarios/lib-tool.sh
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) || die "no scsi_debug disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
doms=$(xl list | wc -l)

# bad_cfg NAME WANT VSCSI_LINE: `pvscsi create` of it must be refused.
bad_cfg() {
	tool_cfg "$1" tool-watch "" "$3"
	tool_fails "$2" pvscsi create "/tmp/$1.cfg"
}
bad_cfg b1 "vscsi entry '/dev/sdzz,0:0:1:0': /dev/sdzz: No such file or directory" \
	"vscsi = [ '$d1,0:0:0:0', '/dev/sdzz,0:0:1:0' ]"
bad_cfg b2 "vscsi entry '$d1,0:0:0': vdev '0:0:0' is not h:c:t:l" \
	"vscsi = [ '$d1,0:0:0' ]"
bad_cfg b3 "vscsi entry '$d1,0:0:0:65536': vdev '0:0:0:65536' out of range" \
	"vscsi = [ '$d1,0:0:0:65536' ]"
bad_cfg b4 "/tmp/b4.cfg: line 9: unterminated list ('[' without ']')" \
	"vscsi = [ '$d1,0:0:0:0',"
bad_cfg b5 "/tmp/b5.cfg: line 9: unterminated string (missing ')" \
	"vscsi = [ '$d1,0:0:0:0 ]"
bad_cfg b6 "vscsi entries '$d1,0:0:0:0' and '$h2,0:0:0:0': use the same vdev" \
	"vscsi = [ '$d1,0:0:0:0', '$h2,0:0:0:0' ]"
bad_cfg b7 "vscsi entries '$d1,0:0:0:0' and '$h1,0:0:1:0': both are device $h1" \
	"vscsi = [ '$d1,0:0:0:0', '$h1,0:0:1:0' ]"
bad_cfg b8 "vscsi entry '9:0:0:0,0:0:0:0': no SCSI device 9:0:0:0 in Dom0" \
	"vscsi = [ '9:0:0:0,0:0:0:0' ]"
bad_cfg b9 "vscsi entry '/dev/null,0:0:0:0': pdev '/dev/null' is not a supported device" \
	"vscsi = [ '/dev/null,0:0:0:0' ]"
mkdir -p /dev/disk/by-id && ln -sf /dev/null /dev/disk/by-id/not-scsi
bad_cfg b10 "vscsi entry '/dev/disk/by-id/not-scsi,0:0:0:0': /dev/disk/by-id/not-scsi is not a whole SCSI device" \
	"vscsi = [ '/dev/disk/by-id/not-scsi,0:0:0:0' ]"
bad_cfg b11 "vscsi entry '$d1,0:0:0:0,feature_host': unknown option 'feature_host'" \
	"vscsi = [ '$d1,0:0:0:0,feature_host' ]"
bad_cfg b12 "vscsi entry '': empty entry" "vscsi = [ '$d1,0:0:0:0', '' ]"
bad_cfg b13 "vscsi entry 'naa.60014051234,0:0:0:0': pdev 'naa.60014051234' has the wrong number of hex digits" \
	"vscsi = [ 'naa.60014051234,0:0:0:0' ]"
bad_cfg b14 "/tmp/b14.cfg: line 9: vscsi must be a list" "vscsi = '$d1,0:0:0:0'"
bad_cfg b15 "/tmp/b15.cfg: line 9: junk after the value of 'vscsi'" "vscsi = [ ] x"

tool_fails "unknown domain 'nosuch'" pvscsi attach nosuch "$d1" 0:0:0:0
tool_fails "unknown domain '999'" pvscsi detach 999 0:0:0:0
tool_fails "unknown domain 'nosuch'" pvscsi list nosuch
tool_fails "domain 'Domain-0' is Dom0" pvscsi attach Domain-0 "$d1" 0:0:0:0
tool_fails "vscsi entry '$d1,0:0:0:x': vdev '0:0:0:x' is not h:c:t:l" \
	pvscsi attach nosuch "$d1" 0:0:0:x
tool_fails "vdev '0:0:0' is not h:c:t:l" pvscsi detach nosuch 0:0:0
tool_fails "unknown option '--bogus'" pvscsi list --bogus
tool_cfg ok1 tool-watch "" "vscsi = [ '$d1,0:0:0:0' ]"
tool_fails "unexpected argument 'junk' after /tmp/ok1.cfg" pvscsi create /tmp/ok1.cfg -q junk

# xl's own failure: nothing of ours may be left either.
before=$(tool_snap)
tool_cfg x1 tool-watch "" "vscsi = [ '$d1,0:0:0:0' ]"
pvscsi create /tmp/x1.cfg kernel=\"/nonexistent\" >/tmp/x1.out 2>&1 &&
	die "create with a missing kernel succeeded"
grep -q "pvscsi: xl create /tmp/x1.cfg failed" /tmp/x1.out || die "no error: $(cat /tmp/x1.out)"
[ "$(tool_snap)" = "$before" ] || die "xenstore changed: $(tool_snap)"

[ "$(xl list | wc -l)" -eq "$doms" ] || die "a domain was left: $(xl list)"
show "syntax-errors: 15 bad configs, 8 bad commands and an xl failure refused; nothing created"
