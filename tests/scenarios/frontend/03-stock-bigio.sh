# rig-timeout: 240
# How big a command reaches the device.  scsi_debug logs every CDB it gets
# (opts=1), so Dom0 sees each READ(10) the guest's O_DIRECT reads became
# after LIO.  The stock backend offers feature-sg-grant=128, so the largest
# command is 128 pages = 512 KiB: one command for 512 KiB, two for 1 MiB.
. /rig/scenarios/lib-front.sh
front_stock_disk 64
guest_create big front-bigio
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause big
guest_wait big 'RIG-VAL phase=reading' 120 || die "guest not ready"
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/opts
guest_wait big 'RIG-VAL phase=done' 60 || die "reads did not finish"
echo 0 >/sys/bus/pseudo/drivers/scsi_debug/opts
front_guest_ok big
kb=$(guest_val big max_sectors_kb_now)
[ "$kb" = 512 ] || die "guest max_sectors_kb $kb, want 512 with feature-sg-grant=128"
dmesg | grep 'scsi_debug: tag=.* cmd 28 ' >/tmp/reads
# READ(10): bytes 2-5 LBA, 7-8 length.  8 MiB = LBA 0x4000, 12 MiB = 0x6000.
r512=$(grep -c ' cmd 28 00 00 00 4[0-3] .. 00 .. .. 00' /tmp/reads)
r512_one=$(grep -c ' cmd 28 00 00 00 40 00 00 04 00 00' /tmp/reads)
r1m=$(grep -c ' cmd 28 00 00 00 6[0-7] .. 00 .. .. 00' /tmp/reads)
r1m_full=$(grep -c ' cmd 28 00 00 00 6[04] 00 00 04 00 00' /tmp/reads)
[ "$r512" = 1 ] && [ "$r512_one" = 1 ] ||
	die "512 KiB read became $r512 commands: $(grep ' 00 00 4[0-3] ' /tmp/reads)"
[ "$r1m" = 2 ] && [ "$r1m_full" = 2 ] ||
	die "1 MiB read became $r1m commands: $(grep ' 00 00 6[0-7] ' /tmp/reads)"
show "frontend/bigio: stock feature-sg-grant=128 -> max_sectors_kb=$kb; 512 KiB O_DIRECT read = 1 READ(10) of 0x400 blocks at the device, 1 MiB = 2 x 0x400"
