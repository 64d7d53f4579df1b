package dev.editeval.app;
