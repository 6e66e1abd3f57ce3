# a failed write to stdout names the file it is redirected to (here /proc/uptime, which takes no writes) and gives status 1
echo hi > /proc/uptime
echo $?
echo appended >> /proc/uptime
cat /etc/motd > /proc/uptime
echo $?
hexdump -C /etc/motd > /proc/uptime
echo $?
dmesg > /proc/uptime
ls /etc > /proc/uptime
echo $?
stat /etc/motd > /proc/uptime
help echo > /proc/uptime
# a script run under a redirection: its commands name that file; their own redirections still work
echo 'echo one; echo two > /tmp/two; pwd' > /tmp/s.sh
sh /tmp/s.sh > /proc/uptime
echo $?
cat /tmp/two
# stdout is the console again after each command
echo back on the console
