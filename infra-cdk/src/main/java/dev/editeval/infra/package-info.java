package dev.editeval.infra;
