# hx_smash's read overruns a buffer on its stack and returns to 0xffffffff: no frame of the module is left, yet the fault is contained and the module named (the guard knows whom it called)
memdiff save
insmod /extra/hx_smash.ko
cat /dev/hx_smash
echo alive
lsmod
cat /mod/hx_smash/status
rmmod -f hx_smash
ls /dev
memdiff
