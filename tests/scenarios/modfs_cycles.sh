# 1,000 load/unload cycles of hello lose no page
memdiff save
repeat 1000 sh /extra/cycle.sh
memdiff
