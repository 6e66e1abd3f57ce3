# 12 KiB of __initdata: truncating the image to its core frees whole pages
memdiff save
insmod -v /lib/modules/bigdata.ko
cat /mod/bigdata/status
cat /proc/modules
rmmod bigdata
memdiff
