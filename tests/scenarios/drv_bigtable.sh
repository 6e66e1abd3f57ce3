# modules/bigtable.c: a 3800-byte prime table built by an __init sieve over 16 KiB of __initdata; dropping the init part frees its pages
memdiff save
insmod -v /lib/modules/bigtable.ko
cat /mod/bigtable/status
cat /proc/vmallocinfo
# what stays: the core (table, code, header) pages and one vmalloc range
memdiff
cat /proc/bigtable
rmmod bigtable
memdiff
