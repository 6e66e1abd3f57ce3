# every sample loads (its init runs), shows in lsmod and unloads under insmod --init=truncate (the default, Zippel's: init last in the one image, cut off after init); every page comes back
# not here: badver (refused by its version check by design), hx_leak (leaks on purpose), hx_oops hx_recurse hx_spin hx_tmoops (their init faults or never returns, by design: modfs_oops_* and modfs_init_split), noexit (cannot be unloaded, by design)
# the edu device and COM2 are added (.args), so edu and serial2 find their hardware
memdiff save
insmod --init=truncate /lib/modules/crc32.ko
insmod --init=truncate /lib/modules/crcsum.ko
lsmod
rmmod crcsum crc32
insmod --init=truncate /lib/modules/libdemo.ko
insmod --init=truncate /lib/modules/libuser.ko
lsmod
rmmod libuser libdemo
insmod --init=truncate /lib/modules/race_subsys.ko
insmod --init=truncate /lib/modules/race_ops.ko
insmod --init=truncate /lib/modules/race_caller.ko
lsmod
rmmod race_caller race_ops race_subsys
insmod --init=truncate /lib/modules/bigbss.ko
lsmod
rmmod bigbss
insmod --init=truncate /lib/modules/bigcode.ko
lsmod
rmmod bigcode
insmod --init=truncate /lib/modules/bigdata.ko
lsmod
rmmod bigdata
insmod --init=truncate /lib/modules/bigtable.ko
lsmod
rmmod bigtable
insmod --init=truncate /lib/modules/chardev.ko
lsmod
rmmod chardev
insmod --init=truncate /lib/modules/edu.ko
lsmod
rmmod edu
insmod --init=truncate /lib/modules/hello.ko
lsmod
rmmod hello
insmod --init=truncate /lib/modules/hellop.ko
lsmod
rmmod hellop
insmod --init=truncate /lib/modules/hx_rdoops.ko
lsmod
rmmod hx_rdoops
insmod --init=truncate /lib/modules/initbug.ko
lsmod
rmmod initbug
insmod --init=truncate /lib/modules/initfail.ko
lsmod
rmmod initfail
insmod --init=truncate /lib/modules/kbdleds.ko
lsmod
rmmod kbdleds
insmod --init=truncate /lib/modules/leaky.ko
lsmod
rmmod leaky
insmod --init=truncate /lib/modules/paramdemo.ko
lsmod
rmmod paramdemo
insmod --init=truncate /lib/modules/pcspkr.ko
lsmod
rmmod pcspkr
insmod --init=truncate /lib/modules/race_kthread.ko
lsmod
rmmod race_kthread
insmod --init=truncate /lib/modules/race_open.ko
lsmod
rmmod race_open
insmod --init=truncate /lib/modules/race_timer.ko
lsmod
rmmod race_timer
insmod --init=truncate /lib/modules/race_work.ko
lsmod
rmmod race_work
insmod --init=truncate /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=truncate /lib/modules/serial2.ko
lsmod
rmmod serial2
insmod --init=truncate /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=truncate /lib/modules/ticker.ko
lsmod
rmmod ticker
insmod --init=truncate /lib/modules/weakref.ko
lsmod
rmmod weakref
ls /mod
memdiff
