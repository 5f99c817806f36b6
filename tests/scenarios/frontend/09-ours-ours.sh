# rig-timeout: 240
# pvscsifront <-> our pvscsiback offering feature-sg-grant=256: the guest
# queue allows 1 MiB, and scsi_debug's CDB log shows a 1 MiB O_DIRECT read
# arriving as ONE READ(10) of 0x800 blocks; then a sha256 round trip.
. /rig/scenarios/lib-front.sh
front_ours_disk max_segments=256
down_sha=$(front_fill "$DEV" 16 4)
guest_create oo front-ours
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause oo
guest_wait oo 'RIG-VAL phase=reading' 120 || die "guest not ready"
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/opts
guest_wait oo 'RIG-VAL phase=done' 60 || die "reads did not finish"
echo 0 >/sys/bus/pseudo/drivers/scsi_debug/opts
front_guest_ok oo
sg=$(xenstore-read "$BACKEND_ROOT/$DOMID/0/feature-sg-grant")
[ "$sg" = 256 ] || die "feature-sg-grant $sg, want 256"
kb=$(guest_val oo max_sectors_kb_now)
[ "$kb" = 1024 ] || die "guest max_sectors_kb $kb, want 1024"
dmesg | grep 'scsi_debug: tag=.* cmd 28 ' >/tmp/reads
r512=$(grep -c ' cmd 28 00 00 00 4[0-3] .. 00 .. .. 00' /tmp/reads)
r1m=$(grep -c ' cmd 28 00 00 00 6[0-7] .. 00 .. .. 00' /tmp/reads)
r1m_one=$(grep -c ' cmd 28 00 00 00 60 00 00 08 00 00' /tmp/reads)
[ "$r512" = 1 ] || die "512 KiB read became $r512 commands: $(grep ' 00 00 4[0-3] ' /tmp/reads)"
[ "$r1m" = 1 ] && [ "$r1m_one" = 1 ] ||
	die "1 MiB read became $r1m commands: $(grep ' 00 00 6[0-7] ' /tmp/reads)"
[ "$(guest_val oo read_sha)" = "$down_sha" ] || die "guest read $(guest_val oo read_sha), dom0 wrote $down_sha"
up_sha=$(front_sha "$DEV" 0 4)
[ "$(guest_val oo write_sha)" = "$up_sha" ] || die "guest wrote $(guest_val oo write_sha), dom0 read $up_sha"
show "frontend/ours-ours: feature-sg-grant=256 -> max_sectors_kb=$kb; 1 MiB O_DIRECT read = 1 READ(10) of 0x800 blocks at the device; 4 MiB sha256 round trip both ways"
