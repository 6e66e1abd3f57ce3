# hx_leak kmallocs 1000 bytes in init and forgets them: status shows what it holds, rmmod reports it with the call site, memdiff shows the page it keeps
memdiff save
insmod /lib/modules/hx_leak.ko
cat /mod/hx_leak/status
rmmod hx_leak
memdiff
# skel frees in exit what its init allocated: after its exit it holds nothing, and its unload reports nothing
memdiff save
insmod /lib/modules/skel.ko
echo "exit module" > /mod/skel/control
cat /mod/skel/status
rmmod skel
memdiff
# every kind a module can hold, grouped by call site and kind: kzalloc (3 from one site), a big kmalloc, vmalloc, page_alloc; the one object it freed is not reported
memdiff save
insmod /extra/leak_kinds.ko
cat /mod/leak_kinds/status
rmmod leak_kinds
memdiff
# an init that fails without freeing: insmod's undo unmaps it, and the unmap reports the leftover
memdiff save
insmod /extra/leak_initfail.ko
echo $?
ls /mod
memdiff
