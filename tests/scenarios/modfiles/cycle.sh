# one load/unload cycle of hello (run 1000 times by modfs_cycles)
insmod /lib/modules/hello.ko
rmmod hello
