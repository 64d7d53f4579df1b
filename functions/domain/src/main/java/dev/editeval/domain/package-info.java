package dev.editeval.domain;
