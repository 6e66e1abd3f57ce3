# hx_workleak exits with delayed work armed, an item queued on a workqueue it made, that workqueue, and a scheduled (disabled) tasklet: each removed at unload, with a message, the workqueue's thread stopped; the kernel goes on
memdiff save
insmod /extra/hx_workleak.ko
rmmod hx_workleak
memdiff
ps
sleep 1
echo alive
