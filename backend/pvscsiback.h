/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pvscsiback internals: a vhost (one xenbus "vscsi" device) owns a LUN table
 * and its rings; a ring owns the pending-request pool for its slots.
 */
#ifndef PVSCSIBACK_H
#define PVSCSIBACK_H

#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <xen/grant_table.h>
#include <xen/xenbus.h>
#include <xen/interface/io/vscsiif.h>

struct scsi_device;
struct request;

/* A guest c:t:l mapped onto one physical scsi_device. */
struct pvscsiback_lun {
	struct list_head node;		/* vhost->luns, RCU for readers */
	struct rcu_head rcu;
	struct kref kref;		/* table + each request using it */
	u16 chn, tgt, lun;		/* the guest's view */
	struct scsi_device *sdev;	/* held with scsi_device_get() */
	char *pdev;			/* p-dev, to bind again; NULL if transient */
	unsigned long next_rebind;	/* jiffies: rate limit for rebinding */
	bool unlinked;			/* out of the table; lun_mutex */
	char devname[24];		/* "dev-N" under vscsi-devs */
};

struct pvscsiback_ring;

/* One request from the guest, from dispatch until its response is pushed. */
struct pvscsiback_pending {
	struct list_head node;		/* ring free/done list; ring->pool_lock */
	struct list_head busy;		/* ring->busy while in flight */
	struct pvscsiback_ring *ring;
	struct pvscsiback_lun *lun;	/* reference held, or NULL */
	struct request *rq;		/* while in the block layer; pool_lock */
	struct pvscsiback_pending *tmf;	/* ABORT/RESET waiting for us */
	unsigned int tmf_waits;		/* requests this TMF still waits for */
	u16 rqid;
	u8 act;
	u8 dir;
	u32 nr_segs;			/* mapped data pages */
	u32 data_len;
	u32 result;			/* Linux scsi_cmnd result */
	u32 resid;
	u8 sense_len;
	u8 sense[VSCSIIF_SENSE_BUFFERSIZE];
	struct scsiif_request_segment *segs;	/* private copy, max_segs */
	struct page **pages;
	grant_handle_t *handles;
	struct gnttab_map_grant_ref *map;
	struct gnttab_unmap_grant_ref *unmap;
	struct page **unmap_pages;
};

struct pvscsiback_vhost;

struct pvscsiback_ring {
	struct pvscsiback_vhost *vhost;
	struct vscsiif_back_ring back;	/* req_cons: dispatch work only */
	unsigned int irq;
	/* Protects back.rsp_prod_pvt and the response slots. */
	spinlock_t rsp_lock;
	/* Protects free, done, busy, inflight, stalled and pending->rq/tmf. */
	spinlock_t pool_lock;
	struct list_head free;
	struct list_head done;
	struct list_head busy;
	unsigned int inflight;
	bool stalled;			/* dispatch ran out of pending structs */
	bool broken;			/* hostile ring: stop consuming */
	atomic_t eoi_pending;		/* an interrupt awaits its late EOI */
	wait_queue_head_t idle_wq;	/* inflight reached zero */
	struct work_struct dispatch_work;
	struct work_struct complete_work;
	struct gnttab_page_cache page_cache;	/* has its own lock */
	unsigned int nr_pending;
	struct pvscsiback_pending *pending;
};

struct pvscsiback_stats {
	atomic64_t requests;
	atomic64_t bytes;
	atomic64_t errors;
	atomic64_t bad_requests;
	atomic64_t task_mgmt;		/* ABORT/RESET answered */
	atomic_t in_flight;		/* taken off the ring, not answered */
};

struct pvscsiback_vhost {
	struct xenbus_device *dev;
	domid_t domid;
	bool feature_host;		/* p-dev names a whole physical host */
	bool host_known;		/* feature_host_no valid (release/acquire) */
	u32 feature_host_no;		/* that host's number */
	u32 max_segs;			/* feature-sg-grant we advertised */
	/* Serialises LUN table writers (xenbus callbacks, hotplug). */
	struct mutex lun_mutex;
	struct list_head luns;		/* readers use RCU */
	/* NULL unless connected; set only by the serialised xenbus callbacks */
	struct pvscsiback_ring *ring;
	struct pvscsiback_stats stats;
};

extern struct workqueue_struct *pvscsiback_wq;
extern unsigned int pvscsiback_cmd_timeout;

/* ring.c */
int pvscsiback_ring_connect(struct pvscsiback_vhost *vhost, grant_ref_t ref,
			    evtchn_port_t evtchn);
void pvscsiback_ring_disconnect(struct pvscsiback_vhost *vhost);

/* lun.c */
struct pvscsiback_lun *pvscsiback_lun_get(struct pvscsiback_vhost *vhost,
					  u16 chn, u16 tgt, u16 lun);
void pvscsiback_lun_put(struct pvscsiback_lun *lun);
struct pvscsiback_lun *pvscsiback_lun_alive(struct pvscsiback_vhost *vhost,
					    struct pvscsiback_lun *lun);
unsigned int pvscsiback_target_luns(struct pvscsiback_vhost *vhost, u16 chn,
				    u16 tgt, u16 *luns, unsigned int max);
enum pvscsiback_luns_op {
	PVSCSIBACK_LUNS_RECONNECT,	/* frontend (re)connected its ring */
	PVSCSIBACK_LUNS_ADD_DEL,	/* hotplug: frontend Reconfiguring */
	PVSCSIBACK_LUNS_CONNECTED,	/* frontend added the Initialised LUNs */
};

void pvscsiback_luns_update(struct pvscsiback_vhost *vhost,
			    enum pvscsiback_luns_op op);
void pvscsiback_luns_clear(struct pvscsiback_vhost *vhost);

/* io.c */
void pvscsiback_submit(struct pvscsiback_pending *pend,
		       const struct vscsiif_request *req);
void pvscsiback_unmap(struct pvscsiback_pending *pend);

/* ring.c, any context: queue the response for @pend. */
void pvscsiback_finish(struct pvscsiback_pending *pend, u32 result);
bool pvscsiback_rqid_busy(struct pvscsiback_ring *ring, u16 rqid);
void pvscsiback_track(struct pvscsiback_pending *pend, struct request *rq);
void pvscsiback_tmf(struct pvscsiback_pending *pend,
		    const struct vscsiif_request *req);

#endif /* PVSCSIBACK_H */
