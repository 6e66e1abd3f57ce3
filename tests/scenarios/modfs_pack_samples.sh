# every sample of modules/ loads, runs and unloads under modalloc=pack (small ones share pages, big ones keep their own), PagesFree and VmallocRanges come back; skipped: hx_leak (leaks on purpose: modfs_leak_report), noexit (cannot be unloaded, by design: modfs_rmmod_states), hx_spin (spins until Ctrl-C: modfs_oops_spin), hx_tmoops (its timer's fault panics the kernel, by design: modfs_oops_irq)
cat /proc/cmdline
memdiff save
insmod /lib/modules/hello.ko
cat /mod/hello/status
cat /mod/hello/module > /tmp/img
ls -l /tmp/img
rm /tmp/img
insmod /lib/modules/hellop.ko howmany=2 whom=pack
insmod /lib/modules/paramdemo.ko
insmod /lib/modules/libdemo.ko
insmod /lib/modules/libuser.ko
insmod /lib/modules/crc32.ko
insmod /lib/modules/crcsum.ko
insmod /lib/modules/weakref.ko
insmod /lib/modules/skel.ko
insmod /lib/modules/chardev.ko
cat /dev/chardev
insmod /lib/modules/bigbss.ko
insmod /lib/modules/bigcode.ko
insmod /lib/modules/bigdata.ko
insmod /lib/modules/bigtable.ko
cat /proc/modalloc
lsmod
cat /proc/vmallocinfo
modcheck
rmmod bigtable bigdata bigcode bigbss chardev skel weakref crcsum crc32 libuser libdemo paramdemo hellop hello
cat /proc/modalloc
memdiff
# drivers
insmod /lib/modules/ticker.ko
sleep 1
rmmod ticker
insmod /lib/modules/kbdleds.ko blinks=1
sleep 1
rmmod kbdleds
insmod /lib/modules/pcspkr.ko
echo 440 10 > /dev/beep
rmmod pcspkr
insmod /lib/modules/rtc.ko
rmmod rtc
insmod /lib/modules/edu.ko
echo 5 > /dev/edu
cat /dev/edu
rmmod edu
insmod /lib/modules/serial2.ko
echo packed > /dev/ttyS1
rmmod serial2
memdiff
# refusals and failures leave nothing behind
insmod /lib/modules/badver.ko
insmod /lib/modules/initfail.ko
insmod /lib/modules/leaky.ko
rmmod leaky
memdiff
# the unload races: the unload-safety check looks at the module's own bytes, not its page
insmod /lib/modules/race_kthread.ko
sleep 0.1
rmmod race_kthread
insmod /lib/modules/race_timer.ko
sleep 0.1
rmmod race_timer
insmod /lib/modules/race_work.ko
sleep 0.1
rmmod race_work
insmod /lib/modules/race_subsys.ko
insmod /lib/modules/race_ops.ko
insmod /lib/modules/race_caller.ko
sleep 0.1
rmmod race_caller race_ops race_subsys
insmod /lib/modules/race_open.ko
cat /dev/race_open
rmmod race_open
memdiff
# faults: the oops names the function inside the packed module; rmmod -f takes it out
insmod /lib/modules/hx_oops.ko
cat /mod/hx_oops/status
rmmod -f hx_oops
insmod /lib/modules/hx_rdoops.ko
cat /dev/hx_rdoops
rmmod -f hx_rdoops
insmod /lib/modules/hx_recurse.ko
rmmod -f hx_recurse
insmod /lib/modules/initbug.ko
rmmod -f initbug
memdiff
