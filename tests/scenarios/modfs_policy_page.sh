# every sample loads, runs and unloads under modalloc=page (each image its own pages, an unmapped guard page after it), under each init strategy in turn (insmod --init=truncate|split|keep, docs/modfs.md "Init strategies"); after each strategy's loop PagesFree and VmallocRanges are back (memdiff +0)
# not looped: hx_leak (leaks on purpose: modfs_leak_report), noexit (cannot be unloaded: modfs_rmmod_states), hx_spin (spins until Ctrl-C: modfs_oops_spin), hx_tmoops (its timer's fault panics the kernel: modfs_oops_irq); the edu device and COM2 are added (.args) so edu and serial2 find their hardware
cat /proc/cmdline
# ---- --init=truncate: each sample alone: it loads (its init runs), runs, shows in lsmod, unloads
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
cat /proc/bigtable
lsmod
rmmod bigtable
insmod --init=truncate /lib/modules/chardev.ko
cat /dev/chardev
lsmod
rmmod chardev
insmod --init=truncate /lib/modules/edu.ko
echo 5 > /dev/edu
cat /dev/edu
lsmod
rmmod edu
insmod --init=truncate /lib/modules/hello.ko
cat /mod/hello/status
cat /mod/hello/module > /tmp/img
ls -l /tmp/img
rm /tmp/img
lsmod
rmmod -t hello
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
echo 440 10 > /dev/beep
lsmod
rmmod pcspkr
insmod --init=truncate /lib/modules/race_kthread.ko
sleep 0.1
lsmod
rmmod race_kthread
insmod --init=truncate /lib/modules/race_open.ko
cat /dev/race_open
lsmod
rmmod race_open
insmod --init=truncate /lib/modules/race_timer.ko
sleep 0.1
lsmod
rmmod race_timer
insmod --init=truncate /lib/modules/race_work.ko
sleep 0.1
lsmod
rmmod race_work
insmod --init=truncate /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=truncate /lib/modules/serial2.ko
echo page-truncate > /dev/ttyS1
lsmod
rmmod serial2
insmod --init=truncate /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=truncate /lib/modules/ticker.ko
sleep 0.3
lsmod
rmmod ticker
insmod --init=truncate /lib/modules/weakref.ko
lsmod
rmmod weakref
insmod --init=truncate /lib/modules/badver.ko
# together: every image on pages of its own (modcheck: nothing packed to check)
insmod --init=truncate /lib/modules/hello.ko
insmod --init=truncate /lib/modules/hellop.ko
insmod --init=truncate /lib/modules/paramdemo.ko
insmod --init=truncate /lib/modules/libdemo.ko
insmod --init=truncate /lib/modules/libuser.ko
insmod --init=truncate /lib/modules/crc32.ko
insmod --init=truncate /lib/modules/crcsum.ko
insmod --init=truncate /lib/modules/weakref.ko
insmod --init=truncate /lib/modules/skel.ko
insmod --init=truncate /lib/modules/chardev.ko
insmod --init=truncate /lib/modules/bigcode.ko
insmod --init=truncate /lib/modules/bigtable.ko
cat /proc/modalloc
modcheck
rmmod bigtable bigcode chardev skel weakref crcsum crc32 libuser libdemo paramdemo hellop hello
# a failed init's device and /proc file, made from its init data, are taken out before that data goes
insmod --init=truncate /extra/initleft.ko
# faults: the oops names the function and the module (its init part too)
insmod --init=truncate /lib/modules/hx_oops.ko
cat /mod/hx_oops/status
rmmod -f hx_oops
insmod --init=truncate /lib/modules/hx_rdoops.ko
cat /dev/hx_rdoops
rmmod -f hx_rdoops
insmod --init=truncate /lib/modules/hx_recurse.ko
rmmod -f hx_recurse
insmod --init=truncate /lib/modules/initbug.ko
rmmod -f initbug
ls /mod
memdiff
# ---- --init=split: each sample alone: it loads (its init runs), runs, shows in lsmod, unloads
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
cat /proc/bigtable
lsmod
rmmod bigtable
insmod --init=split /lib/modules/chardev.ko
cat /dev/chardev
lsmod
rmmod chardev
insmod --init=split /lib/modules/edu.ko
echo 5 > /dev/edu
cat /dev/edu
lsmod
rmmod edu
insmod --init=split /lib/modules/hello.ko
cat /mod/hello/status
cat /mod/hello/module > /tmp/img
ls -l /tmp/img
rm /tmp/img
lsmod
rmmod -t hello
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
echo 440 10 > /dev/beep
lsmod
rmmod pcspkr
insmod --init=split /lib/modules/race_kthread.ko
sleep 0.1
lsmod
rmmod race_kthread
insmod --init=split /lib/modules/race_open.ko
cat /dev/race_open
lsmod
rmmod race_open
insmod --init=split /lib/modules/race_timer.ko
sleep 0.1
lsmod
rmmod race_timer
insmod --init=split /lib/modules/race_work.ko
sleep 0.1
lsmod
rmmod race_work
insmod --init=split /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=split /lib/modules/serial2.ko
echo page-split > /dev/ttyS1
lsmod
rmmod serial2
insmod --init=split /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=split /lib/modules/ticker.ko
sleep 0.3
lsmod
rmmod ticker
insmod --init=split /lib/modules/weakref.ko
lsmod
rmmod weakref
insmod --init=split /lib/modules/badver.ko
# together: every image on pages of its own (modcheck: nothing packed to check)
insmod --init=split /lib/modules/hello.ko
insmod --init=split /lib/modules/hellop.ko
insmod --init=split /lib/modules/paramdemo.ko
insmod --init=split /lib/modules/libdemo.ko
insmod --init=split /lib/modules/libuser.ko
insmod --init=split /lib/modules/crc32.ko
insmod --init=split /lib/modules/crcsum.ko
insmod --init=split /lib/modules/weakref.ko
insmod --init=split /lib/modules/skel.ko
insmod --init=split /lib/modules/chardev.ko
insmod --init=split /lib/modules/bigcode.ko
insmod --init=split /lib/modules/bigtable.ko
cat /proc/modalloc
modcheck
rmmod bigtable bigcode chardev skel weakref crcsum crc32 libuser libdemo paramdemo hellop hello
# a failed init's device and /proc file, made from its init data, are taken out before that data goes
insmod --init=split /extra/initleft.ko
# faults: the oops names the function and the module (its init part too)
insmod --init=split /lib/modules/hx_oops.ko
cat /mod/hx_oops/status
rmmod -f hx_oops
insmod --init=split /lib/modules/hx_rdoops.ko
cat /dev/hx_rdoops
rmmod -f hx_rdoops
insmod --init=split /lib/modules/hx_recurse.ko
rmmod -f hx_recurse
insmod --init=split /lib/modules/initbug.ko
rmmod -f initbug
ls /mod
memdiff
# ---- --init=keep: each sample alone: it loads (its init runs), runs, shows in lsmod, unloads
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
cat /proc/bigtable
lsmod
rmmod bigtable
insmod --init=keep /lib/modules/chardev.ko
cat /dev/chardev
lsmod
rmmod chardev
insmod --init=keep /lib/modules/edu.ko
echo 5 > /dev/edu
cat /dev/edu
lsmod
rmmod edu
insmod --init=keep /lib/modules/hello.ko
cat /mod/hello/status
cat /mod/hello/module > /tmp/img
ls -l /tmp/img
rm /tmp/img
lsmod
rmmod -t hello
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
echo 440 10 > /dev/beep
lsmod
rmmod pcspkr
insmod --init=keep /lib/modules/race_kthread.ko
sleep 0.1
lsmod
rmmod race_kthread
insmod --init=keep /lib/modules/race_open.ko
cat /dev/race_open
lsmod
rmmod race_open
insmod --init=keep /lib/modules/race_timer.ko
sleep 0.1
lsmod
rmmod race_timer
insmod --init=keep /lib/modules/race_work.ko
sleep 0.1
lsmod
rmmod race_work
insmod --init=keep /lib/modules/rtc.ko
lsmod
rmmod rtc
insmod --init=keep /lib/modules/serial2.ko
echo page-keep > /dev/ttyS1
lsmod
rmmod serial2
insmod --init=keep /lib/modules/skel.ko
lsmod
rmmod skel
insmod --init=keep /lib/modules/ticker.ko
sleep 0.3
lsmod
rmmod ticker
insmod --init=keep /lib/modules/weakref.ko
lsmod
rmmod weakref
insmod --init=keep /lib/modules/badver.ko
# together: every image on pages of its own (modcheck: nothing packed to check)
insmod --init=keep /lib/modules/hello.ko
insmod --init=keep /lib/modules/hellop.ko
insmod --init=keep /lib/modules/paramdemo.ko
insmod --init=keep /lib/modules/libdemo.ko
insmod --init=keep /lib/modules/libuser.ko
insmod --init=keep /lib/modules/crc32.ko
insmod --init=keep /lib/modules/crcsum.ko
insmod --init=keep /lib/modules/weakref.ko
insmod --init=keep /lib/modules/skel.ko
insmod --init=keep /lib/modules/chardev.ko
insmod --init=keep /lib/modules/bigcode.ko
insmod --init=keep /lib/modules/bigtable.ko
cat /proc/modalloc
modcheck
rmmod bigtable bigcode chardev skel weakref crcsum crc32 libuser libdemo paramdemo hellop hello
# a failed init's device and /proc file, made from its init data, are taken out before that data goes
insmod --init=keep /extra/initleft.ko
# faults: the oops names the function and the module (its init part too)
insmod --init=keep /lib/modules/hx_oops.ko
cat /mod/hx_oops/status
rmmod -f hx_oops
insmod --init=keep /lib/modules/hx_rdoops.ko
cat /dev/hx_rdoops
rmmod -f hx_rdoops
insmod --init=keep /lib/modules/hx_recurse.ko
rmmod -f hx_recurse
insmod --init=keep /lib/modules/initbug.ko
rmmod -f initbug
ls /mod
memdiff
