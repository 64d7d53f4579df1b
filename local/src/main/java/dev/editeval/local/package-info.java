package dev.editeval.local;
