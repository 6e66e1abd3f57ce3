# every sample loads (its init runs), shows in lsmod and unloads under insmod --init=keep (the baseline: the init part is never discarded); every page comes back
# not here: badver (refused by its version check by design), hx_leak (leaks on purpose), hx_oops hx_recurse hx_spin hx_tmoops (their init faults or never returns, by design: modfs_oops_* and modfs_init_split), noexit (cannot be unloaded, by design)
# the edu device and COM2 are added (.args), so edu and serial2 find their hardware
memdiff save
insmod --init=keep /lib/modules/crc32.ko
insmod --init=keep /lib/modules/crcsum.ko
lsmod
rmmod crcsum crc32
insmod --init=keep /lib/modules/libdemo.ko
insmod --init=keep /lib/modules/libuser.ko
lsmod
rmmod libuser libdemo
insmod --init=keep /lib/modules/race_subsys.ko
insmod --init=keep /lib/modules/race_ops.ko
insmod --init=keep /lib/modules/race_caller.ko
lsmod
rmmod race_caller race_ops race_subsys
insmod --init=keep /lib/modules/bigbss.ko
lsmod
rmmod bigbss
insmod --init=keep /lib/modules/bigcode.ko
lsmod
rmmod bigcode
insmod --init=keep /lib/modules/bigdata.ko
lsmod
rmmod bigdata
insmod --init=keep /lib/modules/bigtable.ko
lsmod
rmmod bigtable
insmod --init=keep /lib/modules/chardev.ko
lsmod
rmmod chardev
insmod --init=keep /lib/modules/edu.ko
lsmod
rmmod edu
insmod --init=keep /lib/modules/hello.ko
lsmod
rmmod hello
insmod --init=keep /lib/modules/hellop.ko
lsmod
rmmod hellop
insmod --init=keep /lib/modules/hx_rdoops.ko
lsmod
rmmod hx_rdoops
insmod --init=keep /lib/modules/initbug.ko
lsmod
rmmod initbug
insmod --init=keep /lib/modules/initfail.ko
lsmod
rmmod initfail
insmod --init=keep /lib/modules/kbdleds.ko
lsmod
rmmod kbdleds
insmod --init=keep /lib/modules/leaky.ko
lsmod
rmmod leaky
insmod --init=keep /lib/modules/paramdemo.ko
lsmod
rmmod paramdemo
insmod --init=keep /lib/modules/pcspkr.ko
lsmod
rmmod pcspkr
insmod --init=keep /lib/modules/race_kthread.ko
lsmod
rmmod race_kthread
insmod --init=keep /lib/modules/race_open.ko
lsmod
rmmod race_open
insmod --init=keep /lib/modules/race_timer.ko
lsmod
rmmod race_timer
insmod --init=keep /lib/modules/race_work.ko
lsmod
rmmod race_work
insmod --init=keep /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=keep /lib/modules/serial2.ko
lsmod
rmmod serial2
insmod --init=keep /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=keep /lib/modules/ticker.ko
lsmod
rmmod ticker
insmod --init=keep /lib/modules/weakref.ko
lsmod
rmmod weakref
ls /mod
memdiff
