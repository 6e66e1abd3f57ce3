# every sample loads (its init runs), shows in lsmod and unloads under insmod --init=split (Richter's: the init part is an image of its own, /mod/NAME/init, removed after init); every page comes back
# not here: badver (refused by its version check by design), hx_leak (leaks on purpose), hx_oops hx_recurse hx_spin hx_tmoops (their init faults or never returns, by design: modfs_oops_* and modfs_init_split), noexit (cannot be unloaded, by design)
# the edu device and COM2 are added (.args), so edu and serial2 find their hardware
memdiff save
insmod --init=split /lib/modules/crc32.ko
insmod --init=split /lib/modules/crcsum.ko
lsmod
rmmod crcsum crc32
insmod --init=split /lib/modules/libdemo.ko
insmod --init=split /lib/modules/libuser.ko
lsmod
rmmod libuser libdemo
insmod --init=split /lib/modules/race_subsys.ko
insmod --init=split /lib/modules/race_ops.ko
insmod --init=split /lib/modules/race_caller.ko
lsmod
rmmod race_caller race_ops race_subsys
insmod --init=split /lib/modules/bigbss.ko
lsmod
rmmod bigbss
insmod --init=split /lib/modules/bigcode.ko
lsmod
rmmod bigcode
insmod --init=split /lib/modules/bigdata.ko
lsmod
rmmod bigdata
insmod --init=split /lib/modules/bigtable.ko
lsmod
rmmod bigtable
insmod --init=split /lib/modules/chardev.ko
lsmod
rmmod chardev
insmod --init=split /lib/modules/edu.ko
lsmod
rmmod edu
insmod --init=split /lib/modules/hello.ko
lsmod
rmmod hello
insmod --init=split /lib/modules/hellop.ko
lsmod
rmmod hellop
insmod --init=split /lib/modules/hx_rdoops.ko
lsmod
rmmod hx_rdoops
insmod --init=split /lib/modules/initbug.ko
lsmod
rmmod initbug
insmod --init=split /lib/modules/initfail.ko
lsmod
rmmod initfail
insmod --init=split /lib/modules/kbdleds.ko
lsmod
rmmod kbdleds
insmod --init=split /lib/modules/leaky.ko
lsmod
rmmod leaky
insmod --init=split /lib/modules/paramdemo.ko
lsmod
rmmod paramdemo
insmod --init=split /lib/modules/pcspkr.ko
lsmod
rmmod pcspkr
insmod --init=split /lib/modules/race_kthread.ko
lsmod
rmmod race_kthread
insmod --init=split /lib/modules/race_open.ko
lsmod
rmmod race_open
insmod --init=split /lib/modules/race_timer.ko
lsmod
rmmod race_timer
insmod --init=split /lib/modules/race_work.ko
lsmod
rmmod race_work
insmod --init=split /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=split /lib/modules/serial2.ko
lsmod
rmmod serial2
insmod --init=split /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=split /lib/modules/ticker.ko
lsmod
rmmod ticker
insmod --init=split /lib/modules/weakref.ko
lsmod
rmmod weakref
ls /mod
memdiff
