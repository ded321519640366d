// A render worker that stops as soon as it starts, as one would on running out of memory.
process.exit(3);
