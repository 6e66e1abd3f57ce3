# a module's /proc entries through struct proc_ops and seq_file (tests/linux/lx_procfs.c)
memdiff save
insmod /extra/lx_procfs.ko
ls -l /proc/lx_dir
# 200 records of 30 bytes (6000 bytes) through the iterator: cat reads 4096 bytes at a time
cat /proc/lx_seq
# the same in reads of 7 bytes: every record once, in order; the file is identical
dd if=/proc/lx_seq bs=7 > /tmp/seq7
cat /proc/lx_seq > /tmp/seq
ls -l /tmp/seq7 /tmp/seq
hexdump -s 4080 -n 48 /tmp/seq7
hexdump -s 4080 -n 48 /tmp/seq
hexdump -s 5952 /tmp/seq7
# seq_lseek: record 150 starts at byte 4500; dd's skip seeks there, the read walks the records up to it
dd if=/proc/lx_seq bs=30 skip=150 count=2
# a position inside a record
dd if=/proc/lx_seq bs=7 skip=3 count=2
cat /proc/lx_dir/single
# one 6000-byte record: the first 4096-byte buffer overflows and is retried with 8192
dd if=/proc/lx_dir/big bs=1000 > /tmp/big
ls -l /tmp/big
hexdump /tmp/big
# a writable entry (raw proc_read / proc_write)
cat /proc/lx_msg
echo hello from the shell > /proc/lx_msg
cat /proc/lx_msg
# an open entry pins the module
open /proc/lx_seq
rmmod lx_procfs
close 3
rmmod lx_procfs
ls /proc
cat /proc/lx_seq
rm /tmp/seq7 /tmp/seq /tmp/big
memdiff
