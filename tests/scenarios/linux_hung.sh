# hx_hung: a thread asleep in down() (state D) for more than 10 s is named by the hung task warning; exit ups the semaphore and stops it
memdiff save
insmod /extra/hx_hung.ko
sleep 11.5
ps
rmmod hx_hung
memdiff
