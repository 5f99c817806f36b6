# rig-timeout: 600
# make bench: the four backend x frontend pairings over the same scsi_debug
# disk in one boot, side by side.  Absolute numbers under emulation mean
# nothing; the ratios to the stock pair are the result.  Never pass/fail on
# speed: the scenario fails only if a pairing does not work.
modprobe scsi_debug dev_size_mb=160 || die "modprobe scsi_debug"
hctl=$(sdebug_hctl) || die "no scsi_debug disk"

# run_pair NAME BACKEND_PDEV FRONT_MODULE
run_pair() {
	guest_create "b-$1" bench-io "$3"
	vscsi_vhost "$DOMID" 0
	vscsi_lun "$DOMID" 0 0 "$2" 0:0:0:0
	guest_unpause "b-$1"
	guest_done "b-$1" 240 || die "$1: $(guest_console "b-$1" | grep RIG-GUEST-FAIL)"
	for key in seqw seqr rand4k; do
		eval "${key}_$1=$(guest_val "b-$1" "$key")"
	done
	guest_destroy "b-$1"
	vscsi_cleanup "$DOMID"
}

vscsi_cleanup() {
	sleep 1
	xenstore-rm "$BACKEND_ROOT/$1" 2>/dev/null
}

modprobe pvscsiback || die "modprobe pvscsiback"
run_pair ours_ours "$hctl" pvscsifront
run_pair ours_stock "$hctl" xen-scsifront
rmmod pvscsiback || die "rmmod pvscsiback"
pdev=$(lio_export "$hctl") || die "lio export: $pdev"
run_pair stock_stock "$pdev" xen-scsifront
run_pair stock_ours "$pdev" pvscsifront

show "bench: MiB/s (seq 1 MiB O_DIRECT write/read, 128 MiB) and 4 KiB O_DIRECT reads/s at queue depth 1; ratio = pair / stock pair"
show "$(printf '%-28s %10s %10s %10s' 'backend / frontend' 'seq write' 'seq read' '4k read')"
for pair in stock_stock stock_ours ours_stock ours_ours; do
	eval "w=\$seqw_$pair r=\$seqr_$pair k=\$rand4k_$pair"
	show "$(awk -v p="$pair" -v w="$w" -v r="$r" -v k="$k" -v W="$seqw_stock_stock" \
		-v R="$seqr_stock_stock" -v K="$rand4k_stock_stock" 'BEGIN {
		split(p, n, "_")
		printf "%-28s %5.1f x%-4.2f %5.1f x%-4.2f %5.0f x%-4.2f",
			(n[1] == "ours" ? "pvscsiback" : "xen-scsiback") " / " \
			(n[2] == "ours" ? "pvscsifront" : "xen-scsifront"),
			w, w / W, r, r / R, k, k / K }')"
done
